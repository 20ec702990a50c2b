// Style sheets imported for their side effect (Leaflet's, in the street map's lazy chunk); the host's Vite bundles them.
declare module 'leaflet/dist/leaflet.css';
