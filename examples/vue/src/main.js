import { createApp } from 'vue';
import 'growth-widgets';
import App from './App.vue';

createApp(App).mount('#app');
