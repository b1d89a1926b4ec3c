import type { RouteRecordRaw } from 'vue-router';
import DriverQrView from './views/DriverQrView.vue';

/** In the first bundle: the driver QR opens in one tap from any screen. */
export const driverQrRoutes: RouteRecordRaw[] = [
  { path: '/driver/:networkId?', name: 'driver', component: DriverQrView, meta: { public: true } },
];
