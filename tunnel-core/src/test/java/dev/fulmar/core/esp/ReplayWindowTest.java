package dev.fulmar.core.esp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {

  private static void accept(ReplayWindow w, long seq) {
    assertThat(w.check(seq)).as("check %d", seq).isNull();
    w.commit(seq);
  }

  @Test
  void acceptsIncreasingAndReorderedWithinWindow() {
    ReplayWindow w = new ReplayWindow(1024);
    accept(w, 1);
    accept(w, 3);
    accept(w, 2);
    accept(w, 1500);
    accept(w, 1500 - 1023);
    assertThat(w.top()).isEqualTo(1500);
  }

  @Test
  void rejectsReplayedSequenceNumber() {
    ReplayWindow w = new ReplayWindow(1024);
    accept(w, 5);
    accept(w, 9);
    assertThat(w.check(5)).isEqualTo(DropReason.REPLAYED);
    assertThat(w.check(9)).isEqualTo(DropReason.REPLAYED);
    assertThat(w.check(6)).isNull();
  }

  @Test
  void rejectsSequenceNumberOlderThanWindow() {
    ReplayWindow w = new ReplayWindow(1024);
    accept(w, 5000);
    assertThat(w.check(5000 - 1024)).isEqualTo(DropReason.OUTSIDE_REPLAY_WINDOW);
    assertThat(w.check(5000 - 1023)).isNull();
  }

  @Test
  void rejectsSequenceNumberZero() {
    assertThat(new ReplayWindow(1024).check(0)).isEqualTo(DropReason.BAD_SEQUENCE_NUMBER);
  }

  @Test
  void checkAloneDoesNotMoveTheWindow() {
    ReplayWindow w = new ReplayWindow(1024);
    accept(w, 10);
    assertThat(w.check(100_000)).isNull();
    assertThat(w.top()).isEqualTo(10);
    assertThat(w.check(11)).isNull();
  }

  @Test
  void largeJumpClearsOldBits() {
    ReplayWindow w = new ReplayWindow(1024);
    accept(w, 1);
    accept(w, 1 + 1024 * 5);
    // the bit for seq 1 shares an index with 1 + 1024*k; it must not look replayed
    assertThat(w.check(1 + 1024 * 4 + 1)).isNull();
    assertThat(w.check(1 + 1024 * 5)).isEqualTo(DropReason.REPLAYED);
  }

  @Test
  void infersEsnHighBitsAcrossTheLowWordWrap() {
    // RFC 4303 Appendix A2.2, case A: window inside one 2^32 block
    ReplayWindow a = new ReplayWindow(1024, 0x3_FFFF_FF00L);
    assertThat(a.inferEsn(0xFFFF_FF80)).isEqualTo(0x3_FFFF_FF80L);
    assertThat(a.inferEsn(0x0000_0005)).isEqualTo(0x4_0000_0005L);
    // case B: window spans the wrap
    ReplayWindow b = new ReplayWindow(1024, 0x4_0000_0010L);
    assertThat(b.inferEsn(0xFFFF_FF00)).isEqualTo(0x3_FFFF_FF00L);
    assertThat(b.inferEsn(0x0000_0020)).isEqualTo(0x4_0000_0020L);
  }

  @Test
  void refusesWindowsSmallerThan1024OrNotPowerOfTwo() {
    assertThatThrownBy(() -> new ReplayWindow(512)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReplayWindow(1500)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ReplayWindow(4096).size()).isEqualTo(4096);
  }
}
