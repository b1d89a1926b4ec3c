import type { Migration } from '../migration';

/**
 * Customers' zones were free text until now, also after the zone list came:
 * every zone a customer or a technician still names joins the list (named by
 * its code), so a saved customer keeps its zone, its form can show it in the
 * list, and saving it again is not refused.
 */
export const serviceCustomerZones: Migration = {
  version: 220,
  name: 'service-customer-zones',
  up(db) {
    db.exec(`
      INSERT OR IGNORE INTO service_zones (code, name)
        SELECT DISTINCT zone, zone FROM (
          SELECT zone FROM service_customers WHERE zone IS NOT NULL UNION SELECT zone FROM service_technician_zones
        ) WHERE length(zone) > 0;
      UPDATE service_customers SET zone = NULL WHERE zone = '';
    `);
  },
};
