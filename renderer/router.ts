import { createRouter, createWebHashHistory } from 'vue-router';
import DriverQrView from './views/DriverQrView.vue';
import HelpView from './views/HelpView.vue';
import HomeView from './views/HomeView.vue';
import SettingsView from './views/SettingsView.vue';

/** Hash history: the same URLs work from a file:// page in Electron and from the browser host. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/driver/:networkId?', name: 'driver', component: DriverQrView },
    { path: '/help', name: 'help', component: HelpView },
    { path: '/settings', name: 'settings', component: SettingsView },
  ],
});
