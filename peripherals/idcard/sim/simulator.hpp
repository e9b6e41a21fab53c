#pragma once
// A GA 467 ID card reader with a SAM, on a pseudo terminal. The real driver opens the
// slave side with its termios code unchanged; the simulator answers on the master side
// exactly as a reader would, at the configured baud (the slave's termios speed must match,
// as on a real line, else the simulator stays silent) and, optionally, paced at wire speed.
//
// Cards are presented and removed through this API, or through the line protocol of
// ControlServer (`present worker`, `remove`, `fault bad-checksum`...).
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "device/device.hpp"
#include "idcard/frame.hpp"
#include "idcard/sim/card_image.hpp"
#include "idcard/sim/demo_people.hpp"

namespace onestop::peripherals::idcard::sim {

enum class Fault {
  None,
  BadChecksum,       ///< 30 01 response with a wrong CHK
  Truncated,         ///< 30 01 response cut off halfway (the rest never comes)
  PullMidRead,       ///< card taken away while 30 01 is on the wire
  FlakyRead,         ///< 30 01 response with one text character changed (valid CHK)
  Garbage,           ///< noise bytes before each 30 01 response
  Silence,           ///< no answer to anything
  SamSelfTest,       ///< every answer is SW3 0x60
  SamNotAuthorised   ///< every answer is SW3 0x66
};
std::string_view nameOf(Fault fault);
std::optional<Fault> parseFault(std::string_view name);   ///< "bad-checksum", "sam-0x66"...
/// Names accepted by parseFault, for help texts.
std::vector<std::string_view> faultNames();

struct SimulatorConfig {
  int baud = 115200;
  bool wireDelay = true;          ///< pace responses at baud (1295 bytes ≈ 112 ms at 115200)
  std::string linkPath;           ///< optional symlink to the pty slave, e.g. /tmp/idcard
  std::string peoplePath;         ///< people.json; empty = defaultPeoplePath()
  /// Some readers halt the card after a read: find card then answers 0x80 until the card
  /// is taken away and put back. Off: find answers 0x9F while a card lies there.
  /// (Select and read keep working either way.)
  bool haltAfterRead = false;
};

struct SimulatorStats {
  std::uint64_t requests = 0;       ///< well-formed request frames received
  std::uint64_t badRequests = 0;    ///< request frames with a bad checksum or LEN
  std::uint64_t readsServed = 0;    ///< 30 01 responses sent (faulty ones included)
};

class IdCardSimulator {
 public:
  static Expected<std::unique_ptr<IdCardSimulator>> create(SimulatorConfig config);
  ~IdCardSimulator();
  IdCardSimulator(const IdCardSimulator&) = delete;
  IdCardSimulator& operator=(const IdCardSimulator&) = delete;

  /// The path the driver opens: the symlink if one was asked for, else the pty slave.
  const std::string& devicePath() const { return linkPath_.empty() ? slavePath_ : linkPath_; }
  const std::string& slavePath() const { return slavePath_; }

  /// Places a demo person's card on the reader (replacing any card there).
  Completion present(std::string_view personKey);
  Completion presentCard(const DemoCard& card);
  void remove();
  bool cardPresent() const;

  /// Injects a fault. `times` = how many affected responses (0 = until cleared); when
  /// omitted, data faults fire once and state faults (silence, SAM) last until cleared.
  void setFault(Fault fault, std::optional<int> times = std::nullopt);
  void clearFaults();

  void setWireDelay(bool on) { wireDelay_ = on; }
  void setHaltAfterRead(bool on);
  SimulatorStats stats() const;
  const std::vector<DemoPerson>& people() const { return people_; }

  /// Runs one control line (`present <key>`, `remove`, `fault <name> [times]`,
  /// `fault none`, `status`, `people`, `help`); returns "ok ..." or "error ...".
  std::string control(std::string_view line);

 private:
  IdCardSimulator(SimulatorConfig config, std::vector<DemoPerson> people);
  Completion openPty();
  void run();
  void handle(const Request& request);
  Bytes respond(const Request& request, std::size_t& cutAt);
  void send(const Bytes& frame, std::size_t limit);
  bool lineSpeedMatches() const;
  bool takeFault(Fault fault);   // consumes one use of a data fault if armed

  SimulatorConfig config_;
  std::vector<DemoPerson> people_;
  int master_ = -1;
  int slaveKeepAlive_ = -1;   // keeps the pty alive (and its termios) between driver opens
  int wakeRead_ = -1, wakeWrite_ = -1;
  std::string slavePath_;
  std::string linkPath_;
  std::atomic<bool> wireDelay_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;

  mutable std::mutex mutex_;   // guards everything below
  struct Card {
    TextBlock text{};
    WltBlob photo{};
  };
  std::optional<Card> card_;
  bool selected_ = false;
  bool halted_ = false;        // card read and halted (haltAfterRead)
  bool haltAfterRead_ = false;
  Fault fault_ = Fault::None;
  int faultLeft_ = 0;          // 0 = unlimited while fault_ != None
  SimulatorStats stats_;
};

}  // namespace onestop::peripherals::idcard::sim
