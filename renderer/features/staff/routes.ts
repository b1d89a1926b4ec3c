import type { RouteRecordRaw } from 'vue-router';
import SignInView from './views/SignInView.vue';

/** The PIN pad is in the first bundle: the shell shows it whenever nobody is signed in. */
export const staffRoutes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: SignInView },
  { path: '/staff', name: 'staff', component: () => import('./views/StaffView.vue'), meta: { managerOnly: true } },
];
