import type { RouteRecordRaw } from 'vue-router';

/** The service desk's screens, each loaded on first visit: the parcel counter never waits for them. */
export const serviceRoutes: RouteRecordRaw[] = [
  { path: '/service', name: 'service-home', component: () => import('./views/ServiceHomeView.vue') },
  { path: '/service/intake', name: 'service-intake', component: () => import('./views/ServiceIntakeView.vue') },
  { path: '/service/orders', name: 'service-orders', component: () => import('./views/ServiceOrdersView.vue') },
  { path: '/service/orders/:orderId', name: 'service-order', component: () => import('./views/ServiceOrderView.vue') },
  { path: '/service/board', name: 'service-board', component: () => import('./views/ServiceBoardView.vue') },
  { path: '/service/day/:technicianId/:date', name: 'service-day', component: () => import('./views/ServiceDayView.vue') },
];
