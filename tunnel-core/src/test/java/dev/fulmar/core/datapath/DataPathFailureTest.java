package dev.fulmar.core.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.esp.DropReason;
import dev.fulmar.core.esp.EspMode;
import dev.fulmar.core.esp.EspTransform;
import dev.fulmar.core.spi.TunDevice;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures of the devices: transient errors are counted and the data path carries on. */
class DataPathFailureTest {

  /** A TUN whose first reads fail with an I/O error, as a device may under memory pressure. */
  private static final class FlakyTun implements TunDevice {
    private final InMemoryTunDevice inner;
    private final AtomicInteger failuresLeft;

    FlakyTun(InMemoryTunDevice inner, int failures) {
      this.inner = inner;
      this.failuresLeft = new AtomicInteger(failures);
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public int mtu() {
      return inner.mtu();
    }

    @Override
    public int batchSize() {
      return inner.batchSize();
    }

    @Override
    public int read(byte[][] bufs, int[] sizes, int offset) throws IOException {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IOException("No buffer space available");
      }
      return inner.read(bufs, sizes, offset);
    }

    @Override
    public int write(byte[][] bufs, int[] sizes, int offset, int count) throws IOException {
      return inner.write(bufs, sizes, offset, count);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  @Test
  void transientTunReadErrorsAreCountedAndTrafficContinues() throws Exception {
    try (TunnelHarness h = new TunnelHarness()) {
      h.installChild(1, -1, EspTransform.aesGcm16(128), EspMode.TUNNEL, false,
          TunnelHarness.LAN_TS);
      InMemoryTunDevice inner = new InMemoryTunDevice("flaky", 1400, 4);
      FlakyTun flaky = new FlakyTun(inner, 3);
      try (DataPath client = new DataPath(flaky, h.link.a(), h.clientSas,
          IkePacketHandler.IGNORE, DataPath.Config.DEFAULT)) {
        h.gateway.start();
        client.start();
        byte[] p = TestPackets.udp4("192.0.2.10", "198.51.100.7", 300, 1, true);
        inner.inject(p);
        assertThat(h.gatewayTun.takeWritten(5000)).isEqualTo(p);
        assertThat(client.stats().drops(DropReason.IO_ERROR)).isEqualTo(3);
        flaky.close();
      }
    }
  }
}
