#ifndef SCHEMATA_CYAJL_SHIM_H
#define SCHEMATA_CYAJL_SHIM_H

#include <yajl/yajl_parse.h>
#include <yajl/yajl_version.h>

/// `yajl_config` is variadic, which Swift cannot call; every option Schemata
/// sets takes a single int, so one fixed-arity wrapper covers them all.
static inline int schemata_yajl_config(yajl_handle handle, yajl_option option, int value) {
    return yajl_config(handle, option, value);
}

#endif
