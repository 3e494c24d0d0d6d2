// The editors' web form: Sveltia CMS from the pinned npm package, bundled by Vite, so every
// font, string and script is served from /admin/ itself (nothing from another host).
import CMS from '@sveltia/cms';

CMS.init();
