// A stand-in for a vendor WLT decoder shim, loaded with dlopen by photo_decoder_test.cpp.
#include <cstring>

extern "C" __attribute__((visibility("default"))) int onestop_wlt_to_bmp(const unsigned char* wlt, int wltLen,
                                                                          unsigned char* bmp, int* bmpLen) {
  if (wltLen != 1024 || *bmpLen < 4 || wlt[0] == 0xFF) return 0;
  std::memcpy(bmp, "BM", 2);
  bmp[2] = wlt[0];
  bmp[3] = wlt[1023];
  *bmpLen = 4;
  return 1;
}
