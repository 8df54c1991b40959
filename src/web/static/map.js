// The map of a dataset page: points from the table's GeoJSON export on a plain background
// (or the configured tiles), clustered. Every cluster and point is an HTML <button>, so the map
// is usable with the keyboard (Tab, Enter, Escape); the page's table holds the same data.
import * as maplibregl from './maplibre/maplibre-gl.mjs';

const MAX_MARKERS = 300;
const TEXT = {
  ja: { cluster: (n) => `${n} 件のまとまり（拡大する）`, close: '閉じる' },
  en: { cluster: (n) => `Group of ${n} points (zoom in)`, close: 'Close' },
};

function styleFor(tiles) {
  const style = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef3f7' } }],
  };
  if (tiles) {
    style.sources.tiles = { type: 'raster', tiles: [tiles], tileSize: 256 };
    style.layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
  }
  return style;
}

function boundsOf(features) {
  const b = new maplibregl.LngLatBounds();
  for (const f of features) b.extend(f.geometry.coordinates);
  return b;
}

// Municipality labels: the mean position of each municipality's points (no gazetteer needed).
function labelsOf(features) {
  const groups = new Map();
  for (const f of features) {
    const name = f.properties.公開者_名称 || f.properties.市区町村名;
    if (!name) continue;
    const g = groups.get(name) || { n: 0, x: 0, y: 0 };
    g.n += 1;
    g.x += f.geometry.coordinates[0];
    g.y += f.geometry.coordinates[1];
    groups.set(name, g);
  }
  return [...groups].map(([name, g]) => ({ name, at: [g.x / g.n, g.y / g.n] }));
}

function popupContent(props, nameField) {
  const root = document.createElement('div');
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = String(props[nameField] ?? '');
  title.append(strong);
  root.append(title);
  const dl = document.createElement('dl');
  let shown = 0;
  for (const [key, value] of Object.entries(props)) {
    if (key === nameField || key === '_id' || value === null || value === '' || shown >= 8)
      continue;
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    dl.append(dt, dd);
    shown += 1;
  }
  root.append(dl);
  return root;
}

async function start(el) {
  const lang = el.dataset.lang === 'en' ? 'en' : 'ja';
  const nameField = el.dataset.nameField || '_id';
  const response = await fetch(el.dataset.geojson);
  if (!response.ok) return;
  const data = await response.json();
  // The page's municipality filter (merged tables) applies to the map as to the table.
  const { filterField, filterValue } = el.dataset;
  const features = (data.features || []).filter(
    (f) =>
      f.geometry &&
      Array.isArray(f.geometry.coordinates) &&
      (!filterField || f.properties[filterField] === filterValue),
  );
  if (features.length === 0) return;
  const map = new maplibregl.Map({
    container: el,
    style: styleFor(el.dataset.tiles),
    bounds: boundsOf(features),
    fitBoundsOptions: { padding: 40, maxZoom: 15 },
    attributionControl: false,
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }));
  map.on('load', () => {
    map.addSource('points', {
      type: 'geojson',
      data: { type: 'FeatureCollection', features },
      cluster: true,
      clusterRadius: 48,
      clusterMaxZoom: 16,
    });
    // An invisible layer: it makes the source load its tiles; the markers below draw the points.
    map.addLayer({
      id: 'points',
      type: 'circle',
      source: 'points',
      paint: { 'circle-radius': 1, 'circle-opacity': 0 },
    });
    for (const label of labelsOf(features)) {
      const div = document.createElement('div');
      div.className = 'map-label';
      div.setAttribute('aria-hidden', 'true');
      div.textContent = label.name;
      new maplibregl.Marker({ element: div, anchor: 'top', offset: [0, 14] })
        .setLngLat(label.at)
        .addTo(map);
    }
    let markers = new Map();
    let openPopup = null;
    const source = map.getSource('points');
    const refresh = () => {
      const bounds = map.getBounds();
      const next = new Map();
      for (const f of map.querySourceFeatures('points')) {
        if (next.size >= MAX_MARKERS) break;
        const p = f.properties;
        const key = p.cluster ? `c${p.cluster_id}` : `p${p._id ?? f.id}`;
        if (next.has(key) || !bounds.contains(f.geometry.coordinates)) continue;
        const existing = markers.get(key);
        next.set(key, existing || makeMarker(f, p));
      }
      for (const [key, m] of markers) if (!next.has(key)) m.remove();
      markers = next;
    };
    const makeMarker = (f, p) => {
      const button = document.createElement('button');
      button.type = 'button';
      if (p.cluster) {
        button.className = 'map-marker cluster';
        button.textContent = String(p.point_count);
        button.setAttribute('aria-label', TEXT[lang].cluster(p.point_count));
        button.addEventListener('click', async () => {
          const zoom = await source.getClusterExpansionZoom(p.cluster_id);
          map.easeTo({ center: f.geometry.coordinates, zoom });
        });
      } else {
        button.className = 'map-marker point';
        button.setAttribute('aria-label', String(p[nameField] ?? p._id ?? ''));
        button.addEventListener('click', () => {
          openPopup?.remove();
          // Not closed by map clicks: a keyboard "click" on the marker bubbles to the map too.
          const popup = new maplibregl.Popup({ offset: 12, maxWidth: '20rem', closeOnClick: false })
            .setLngLat(f.geometry.coordinates)
            .setDOMContent(popupContent(p, nameField))
            .addTo(map);
          openPopup = popup;
          popup.getElement().addEventListener('keydown', (event) => {
            if (event.key === 'Escape') {
              popup.remove();
              button.focus();
            }
          });
        });
      }
      return new maplibregl.Marker({ element: button })
        .setLngLat(f.geometry.coordinates)
        .addTo(map);
    };
    map.on('moveend', refresh);
    map.on('sourcedata', (e) => {
      if (e.sourceId === 'points' && e.isSourceLoaded) refresh();
    });
    refresh();
  });
}

for (const el of document.querySelectorAll('.map[data-geojson]')) start(el);
