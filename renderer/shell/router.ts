import { createRouter, createWebHashHistory } from 'vue-router';
import DeliveryView from '../features/parcels/views/DeliveryView.vue';
import DriverQrView from '../features/driver-qr/views/DriverQrView.vue';
import ExpiredView from '../features/parcels/views/ExpiredView.vue';
import HelpView from '../features/support/views/HelpView.vue';
import HomeView from './views/HomeView.vue';
import HoursView from '../features/hours/views/HoursView.vue';
import InventoryView from '../features/inventory/views/InventoryView.vue';
import PickupView from '../features/parcels/views/PickupView.vue';
import ReturnsView from '../features/parcels/views/ReturnsView.vue';
import SettingsView from './views/SettingsView.vue';
import SupportCasesView from '../features/support/views/SupportCasesView.vue';
import SupportCaseView from '../features/support/views/SupportCaseView.vue';
import SupportNewView from '../features/support/views/SupportNewView.vue';
import TrainingView from '../features/parcels/views/TrainingView.vue';
import { serviceRoutes } from '../features/service/routes';

/** Hash history: the same URLs work from a file:// page in Electron and from the browser host. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/driver/:networkId?', name: 'driver', component: DriverQrView },
    { path: '/delivery/:deliveryId', name: 'delivery', component: DeliveryView },
    { path: '/pickup', name: 'pickup', component: PickupView },
    { path: '/expired/:noticeId', name: 'expired', component: ExpiredView },
    { path: '/returns/:networkId?', name: 'returns', component: ReturnsView },
    { path: '/training', name: 'training', component: TrainingView },
    { path: '/help', name: 'help', component: HelpView },
    { path: '/settings', name: 'settings', component: SettingsView },
    { path: '/support', name: 'support', component: SupportCasesView },
    { path: '/support/new', name: 'support-new', component: SupportNewView },
    { path: '/support/case/:caseId', name: 'support-case', component: SupportCaseView },
    { path: '/inventory', name: 'inventory', component: InventoryView },
    { path: '/hours', name: 'hours', component: HoursView },
    ...serviceRoutes,
  ],
});
