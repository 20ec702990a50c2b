/// <reference types="vite/client" />
/// <reference types="@kota-kit/core/vite-client" />
