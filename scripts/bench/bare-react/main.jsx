// The baseline of `pnpm bench`: React 19 and nothing else, rendering a short list like a module's first page.
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [rows, setRows] = useState([]);
  useEffect(() => {
    fetch('/rows')
      .then((response) => response.json())
      .then(setRows, () => setRows([]));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 16 }}>
      <h1>Harga bahan pokok</h1>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            {row.name}: Rp {row.price}
          </li>
        ))}
      </ul>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
