import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './shell/App.vue';
import { forwardKeysToWedge } from './features/scanning/composables/wedge-forwarding';
import { applyLanguage, i18n } from './shell/i18n';
import { router } from './shell/router';
import { openAudioOnFirstGesture } from './ui/feedback';
import './styles.css';

// The first screen shows in the browser's language; the staff's saved choice replaces it once main answers.
void applyLanguage(i18n.global.locale.value).then(() => {
  createApp(App).use(createPinia()).use(i18n).use(router).mount('#app');
  forwardKeysToWedge();
  openAudioOnFirstGesture();
});
