/// <reference types="@kota-kit/core/vite-client" />
