const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc only emits JavaScript: the node and credential icons, and the node's output schemas
// (`__schema__/v<version>/<resource>/<operation>.json`, which n8n reads next to the built node), must be
// copied next to the built files. Each copy returns its stream, so the task ends when every file is written.
function copyNodeIcons() {
	return src(path.resolve('nodes', '**', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', 'nodes')));
}

function copyCredentialIcons() {
	return src(path.resolve('credentials', '**', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', 'credentials')));
}

function copyOutputSchemas() {
	return src(path.resolve('nodes', '**', '__schema__', '**', '*.json')).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:assets', parallel(copyNodeIcons, copyCredentialIcons, copyOutputSchemas));
