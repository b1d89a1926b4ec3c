import type { RouteRecordRaw } from 'vue-router';
import DeliveryView from './views/DeliveryView.vue';
import ExpiredView from './views/ExpiredView.vue';
import PickupView from './views/PickupView.vue';

/** Delivery, pickup and expired are in the first bundle: a blocked counter and a waiting driver need them at once. */
export const parcelRoutes: RouteRecordRaw[] = [
  { path: '/delivery/:deliveryId', name: 'delivery', component: DeliveryView },
  { path: '/pickup', name: 'pickup', component: PickupView },
  { path: '/expired/:noticeId', name: 'expired', component: ExpiredView },
  { path: '/returns/:networkId?', name: 'returns', component: () => import('./views/ReturnsView.vue') },
  { path: '/training', name: 'training', component: () => import('./views/TrainingView.vue'), meta: { managerOnly: true } },
];
