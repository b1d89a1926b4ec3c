import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './shell/App.vue';
import { forwardKeysToWedge } from './features/scanning/composables/wedge-forwarding';
import { i18n } from './shell/i18n';
import { router } from './shell/router';
import './styles.css';

createApp(App).use(createPinia()).use(i18n).use(router).mount('#app');
forwardKeysToWedge();
