import type { RouteRecordRaw } from 'vue-router';

/** The service desk's screens, each loaded on first visit: the parcel counter never waits for them. */
export const serviceRoutes: RouteRecordRaw[] = [
  { path: '/service', name: 'service-home', component: () => import('./views/ServiceHomeView.vue') },
  { path: '/service/intake', name: 'service-intake', component: () => import('./views/ServiceIntakeView.vue') },
  { path: '/service/orders', name: 'service-orders', component: () => import('./views/ServiceOrdersView.vue') },
  { path: '/service/orders/:orderId', name: 'service-order', component: () => import('./views/ServiceOrderView.vue') },
  { path: '/service/board', name: 'service-board', component: () => import('./views/ServiceBoardView.vue') },
  { path: '/service/setup/technicians', name: 'service-technicians', component: () => import('./views/ServiceTechniciansView.vue') },
  {
    path: '/service/setup/teams',
    name: 'service-teams',
    component: () => import('./views/ServiceCodeListView.vue'),
    props: { kind: 'teams' },
  },
  {
    path: '/service/setup/skills',
    name: 'service-skills',
    component: () => import('./views/ServiceCodeListView.vue'),
    props: { kind: 'skills' },
  },
  {
    path: '/service/setup/zones',
    name: 'service-zones',
    component: () => import('./views/ServiceCodeListView.vue'),
    props: { kind: 'zones' },
  },
  { path: '/service/setup/item-groups', name: 'service-item-groups', component: () => import('./views/ServiceItemGroupsView.vue') },
  { path: '/service/setup/route', name: 'service-route', component: () => import('./views/ServiceRouteView.vue') },
  { path: '/service/setup/calendar', name: 'service-calendar', component: () => import('./views/ServiceCalendarView.vue') },
  { path: '/service/day/:technicianId/:date', name: 'service-day', component: () => import('./views/ServiceDayView.vue') },
];
