import { createRouter, createWebHashHistory } from 'vue-router';
import { driverQrRoutes } from '../features/driver-qr/routes';
import { hoursRoutes } from '../features/hours/routes';
import { inventoryRoutes } from '../features/inventory/routes';
import { parcelRoutes } from '../features/parcels/routes';
import { supportRoutes } from '../features/support/routes';
import { serviceRoutes } from '../features/service/routes';
import { staffRoutes } from '../features/staff/routes';
import HomeView from './views/HomeView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Main refuses this screen's calls to anyone else; the screen says so instead of failing call by call. */
    managerOnly?: boolean;
    /** Open without signing in: a driver or someone needing help must never wait. */
    public?: boolean;
  }
}

/**
 * Hash history: the same URLs work from a file:// page in Electron and from the browser host.
 * Each feature lists its screens in its routes.ts; a screen the first moments do not need is
 * loaded when it is first opened (`() => import()`), so the first screen carries none of its code.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { managerOnly: true } },
    ...driverQrRoutes,
    ...parcelRoutes,
    ...supportRoutes,
    ...inventoryRoutes,
    ...hoursRoutes,
    ...serviceRoutes,
    ...staffRoutes,
  ],
});
