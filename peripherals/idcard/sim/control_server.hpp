#pragma once
// The simulator's control channel: a Unix stream socket speaking one command per line
// (see IdCardSimulator::control), one reply line each. Lets the demo, UI scenarios and
// technicians present and remove cards from outside the process:
//   printf 'present worker\n' | socat - UNIX-CONNECT:/tmp/onestop-idcard.sock
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "device/device.hpp"
#include "idcard/sim/simulator.hpp"

namespace onestop::peripherals::idcard::sim {

class ControlServer {
 public:
  static Expected<std::unique_ptr<ControlServer>> start(IdCardSimulator& simulator, const std::string& socketPath);
  ~ControlServer();
  ControlServer(const ControlServer&) = delete;
  ControlServer& operator=(const ControlServer&) = delete;

  const std::string& path() const { return path_; }

 private:
  ControlServer(IdCardSimulator& simulator, std::string path) : sim_(simulator), path_(std::move(path)) {}
  void run();
  void serve(int client);

  IdCardSimulator& sim_;
  std::string path_;
  int listen_ = -1;
  int wakeRead_ = -1, wakeWrite_ = -1;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

/// Client side: sends one line to a control socket and returns the reply line.
Expected<std::string> sendControlLine(const std::string& socketPath, const std::string& line);

}  // namespace onestop::peripherals::idcard::sim
