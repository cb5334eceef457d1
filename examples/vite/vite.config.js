import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the build works from any subpath (or set base: '/blog/').
  base: './',
});
