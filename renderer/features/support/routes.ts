import type { RouteRecordRaw } from 'vue-router';

export const supportRoutes: RouteRecordRaw[] = [
  { path: '/help', name: 'help', component: () => import('./views/HelpView.vue'), meta: { public: true } },
  { path: '/support', name: 'support', component: () => import('./views/SupportCasesView.vue') },
  { path: '/support/new', name: 'support-new', component: () => import('./views/SupportNewView.vue') },
  { path: '/support/case/:caseId', name: 'support-case', component: () => import('./views/SupportCaseView.vue') },
];
