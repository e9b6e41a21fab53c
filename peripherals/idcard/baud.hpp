#pragma once
// Standard line speeds as termios constants (shared by the serial transport and the
// simulator, which compares the speed the driver set on the pty).
#include <termios.h>

namespace onestop::peripherals::idcard {

/// B9600…B230400 for the rates readers use; B0 for anything else.
inline speed_t termiosSpeed(int baud) {
  switch (baud) {
    case 9600: return B9600;
    case 19200: return B19200;
    case 38400: return B38400;
    case 57600: return B57600;
    case 115200: return B115200;
    case 230400: return B230400;
    default: return B0;
  }
}

}  // namespace onestop::peripherals::idcard
