const app = document.getElementById('app');
if (app) app.textContent = 'Sidebar not built yet.';
