import { createRouter, createWebHashHistory } from 'vue-router';
import DeliveryView from './views/DeliveryView.vue';
import DriverQrView from './views/DriverQrView.vue';
import ExpiredView from './views/ExpiredView.vue';
import HelpView from './views/HelpView.vue';
import HomeView from './views/HomeView.vue';
import HoursView from './views/HoursView.vue';
import InventoryView from './views/InventoryView.vue';
import PickupView from './views/PickupView.vue';
import ReturnsView from './views/ReturnsView.vue';
import SettingsView from './views/SettingsView.vue';
import SupportCasesView from './views/SupportCasesView.vue';
import SupportCaseView from './views/SupportCaseView.vue';
import SupportNewView from './views/SupportNewView.vue';
import TrainingView from './views/TrainingView.vue';
import SignInView from './views/SignInView.vue';
import StaffView from './views/StaffView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Main refuses this screen's calls to anyone else; the screen says so instead of failing call by call. */
    managerOnly?: boolean;
    /** Open without signing in: a driver or someone needing help must never wait. */
    public?: boolean;
  }
}

/** Hash history: the same URLs work from a file:// page in Electron and from the browser host. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/driver/:networkId?', name: 'driver', component: DriverQrView, meta: { public: true } },
    { path: '/delivery/:deliveryId', name: 'delivery', component: DeliveryView },
    { path: '/pickup', name: 'pickup', component: PickupView },
    { path: '/expired/:noticeId', name: 'expired', component: ExpiredView },
    { path: '/returns/:networkId?', name: 'returns', component: ReturnsView },
    { path: '/training', name: 'training', component: TrainingView, meta: { managerOnly: true } },
    { path: '/help', name: 'help', component: HelpView, meta: { public: true } },
    { path: '/settings', name: 'settings', component: SettingsView, meta: { managerOnly: true } },
    { path: '/support', name: 'support', component: SupportCasesView },
    { path: '/support/new', name: 'support-new', component: SupportNewView },
    { path: '/support/case/:caseId', name: 'support-case', component: SupportCaseView },
    { path: '/inventory', name: 'inventory', component: InventoryView },
    { path: '/hours', name: 'hours', component: HoursView },
    { path: '/sign-in', name: 'sign-in', component: SignInView },
    { path: '/staff', name: 'staff', component: StaffView, meta: { managerOnly: true } },
  ],
});
