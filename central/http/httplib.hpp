#pragma once
// The one place that includes cpp-httplib (third-party): its header is compiled without our
// warnings. Users must build with the same CPPHTTPLIB_* defines as Debian's compiled
// libcpp-httplib.so; linking onestop_central_http brings them (pkg-config cpp-httplib).
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#error "build with pkg-config cpp-httplib's flags (link onestop_central_http)"
#endif

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wpedantic"
#include <httplib.h>
#pragma GCC diagnostic pop
