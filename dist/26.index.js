export const id = 26;
export const ids = [26];
export const modules = {

/***/ 7026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   post: () => (/* binding */ post)
/* harmony export */ });
/* harmony import */ var _github_local_cache_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9780);
/* harmony import */ var _github_image_cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2106);
/* harmony import */ var _core_args_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1038);
/* harmony import */ var _host_docker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2897);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _builder_verify_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1);
// The post step: save cache, remove the builder main created, log out. Every cleanup is
// its own try; a failure is a warning, never a failed job.






async function post(rt) {
    const state = rt.postState();
    // The builder is removed with the buildx that created it.
    rt = { ...rt, docker: (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .withBuildx */ .xG)(rt.docker, state.buildx) };
    const cleanup = async (what, fn) => {
        try {
            await rt.group(what, fn);
        }
        catch (e) {
            rt.warning(`${what} failed: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .g)(e)}`);
        }
    };
    const local = state.localCache;
    if (local?.noSave)
        rt.info(`Cache not saved: ${local.noSave}`);
    else if (local) {
        await cleanup('Save cache', async () => rt.info((await (0,_github_local_cache_js__WEBPACK_IMPORTED_MODULE_0__/* .saveLocalCache */ .j)(local)) ? `Cache saved as ${local.key}` : 'The build exported no cache; nothing to save'));
    }
    const binfmt = state.binfmtCache;
    if (binfmt)
        await cleanup('Save binfmt image', () => (0,_github_image_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .saveCachedImage */ .PQ)(rt, binfmt, 'binfmt image'));
    const buildkit = state.buildkitCache;
    if (buildkit)
        await cleanup('Save builder image', () => (0,_github_image_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .saveCachedImage */ .PQ)(rt, buildkit, 'builder image'));
    const verifyKey = state.verifyKey;
    if (verifyKey)
        await cleanup('Remove verify containers', () => (0,_builder_verify_js__WEBPACK_IMPORTED_MODULE_3__/* .removeVerifyLeftovers */ .u4)(rt, verifyKey, state.verifyImage));
    const builder = state.builder;
    if (builder)
        await cleanup(`Remove builder ${builder}`, () => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .mustRun */ .Pv)(rt.docker, (0,_core_args_js__WEBPACK_IMPORTED_MODULE_5__/* .removeBuilderArgs */ .tk)(builder), 'Removing the builder'));
    for (const registry of state.logouts ?? [])
        await cleanup(`Log out of ${registry}`, () => (0,_host_docker_js__WEBPACK_IMPORTED_MODULE_2__/* .mustRun */ .Pv)(rt.docker, (0,_core_args_js__WEBPACK_IMPORTED_MODULE_5__/* .logoutArgs */ .m9)(registry), 'Logging out'));
}


/***/ })

};
