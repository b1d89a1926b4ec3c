import type { RouteRecordRaw } from 'vue-router';

export const hoursRoutes: RouteRecordRaw[] = [{ path: '/hours', name: 'hours', component: () => import('./views/HoursView.vue') }];
