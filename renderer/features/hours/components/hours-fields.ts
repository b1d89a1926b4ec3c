/** The part of an hours editor a refused path is shown on: `week.1.0.opens` on the range `week.1.0`. */
const HOURS_FIELD = /^(week\.\d+\.\d+|exceptions\.\d+\.date|exceptions\.\d+\.ranges\.\d+|exceptions)/;

export const hoursFieldOf = (field: string): string => HOURS_FIELD.exec(field)?.[1] ?? field;
