package dev.fulmar.helper.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fulmar.core.api.IkeSocket;
import dev.fulmar.core.datapath.DataPath;
import dev.fulmar.core.datapath.InMemoryTunDevice;
import dev.fulmar.core.datapath.LoopbackUdpLink;
import dev.fulmar.core.esp.SaTable;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * IKE and ESP share port 4500: the engine's socket for 4500 is a view of the data path's socket,
 * IKE datagrams (non-ESP marker) reach the engine as they were sent, and other ports are the
 * default factory's.
 */
class NatTSocketTest {
  private static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.10", 4500);
  private static final InetSocketAddress GATEWAY = new InetSocketAddress("192.0.2.1", 4500);
  /** Non-ESP marker (RFC 3948 §2.2) followed by the first bytes of an IKE header. */
  private static final byte[] IKE_WITH_MARKER =
      HexFormat.of().parseHex("00000000" + "1122334455667788" + "0000000000000000" + "2e202300");

  private final LoopbackUdpLink link = new LoopbackUdpLink(CLIENT, GATEWAY);
  private final LinkedBlockingQueue<byte[]> atGateway = new LinkedBlockingQueue<>();
  private final List<InetSocketAddress> fallbackOpens = new ArrayList<>();
  private final IkeSocket.Factory fallback = (local, remote, receiver) -> {
    fallbackOpens.add(local);
    throw new java.io.IOException("not in this test");
  };
  private DataPath dataPath;

  @AfterEach
  void stop() {
    if (dataPath != null) {
      link.a().close();
      dataPath.close();
    }
  }

  private NatTSocket started() {
    link.setInterceptor((from, to, datagram) -> {
      if (to.equals(GATEWAY)) {
        atGateway.add(datagram);
      }
      return datagram;
    });
    NatTSocket natT = new NatTSocket(fallback, link.a(), CLIENT);
    dataPath = new DataPath(new InMemoryTunDevice("tun0", 1400, 1), natT.transport(),
        new SaTable(), dev.fulmar.core.datapath.IkePacketHandler.IGNORE, DataPath.Config.DEFAULT);
    natT.attach(dataPath);
    dataPath.start();
    return natT;
  }

  @Test
  void ikeOnPort4500SharesTheDataPathSocketBothWays() throws Exception {
    NatTSocket natT = started();
    LinkedBlockingQueue<byte[]> toEngine = new LinkedBlockingQueue<>();
    IkeSocket socket = natT.open(new InetSocketAddress("0.0.0.0", 4500), GATEWAY,
        (datagram, from) -> toEngine.add(datagram));

    socket.send(IKE_WITH_MARKER);
    assertThat(atGateway.poll(5, TimeUnit.SECONDS)).isEqualTo(IKE_WITH_MARKER);

    link.deliver(link.a(), IKE_WITH_MARKER, GATEWAY);
    assertThat(toEngine.poll(5, TimeUnit.SECONDS)).isEqualTo(IKE_WITH_MARKER);
    assertThat(socket.localAddress()).isEqualTo(CLIENT);
    assertThat(socket.remoteAddress()).isEqualTo(GATEWAY);
  }

  @Test
  void ikeFromAnotherAddressOrAfterCloseNeverReachesTheEngine() throws Exception {
    NatTSocket natT = started();
    LinkedBlockingQueue<byte[]> toEngine = new LinkedBlockingQueue<>();
    IkeSocket socket = natT.open(new InetSocketAddress("0.0.0.0", 4500), GATEWAY,
        (datagram, from) -> toEngine.add(datagram));

    link.deliver(link.a(), IKE_WITH_MARKER, new InetSocketAddress("203.0.113.9", 4500));
    socket.close();
    link.deliver(link.a(), IKE_WITH_MARKER, GATEWAY);

    assertThat(toEngine.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(dataPath.stats().ikeMessagesReceived()).isEqualTo(2);
    assertThatThrownBy(() -> socket.send(IKE_WITH_MARKER))
        .isInstanceOf(java.nio.channels.ClosedChannelException.class);
  }

  @Test
  void theReplacedSessionsLateCloseLeavesTheNewSessionHooked() throws Exception {
    NatTSocket natT = started();
    LinkedBlockingQueue<byte[]> toOld = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<byte[]> toNew = new LinkedBlockingQueue<>();
    IkeSocket old = natT.open(new InetSocketAddress("0.0.0.0", 4500), GATEWAY,
        (datagram, from) -> toOld.add(datagram));
    IkeSocket next = natT.open(new InetSocketAddress("0.0.0.0", 4500), GATEWAY,
        (datagram, from) -> toNew.add(datagram));
    old.close();

    link.deliver(link.a(), IKE_WITH_MARKER, GATEWAY);
    assertThat(toNew.poll(5, TimeUnit.SECONDS)).isEqualTo(IKE_WITH_MARKER);
    assertThat(toOld).isEmpty();
    next.close();
  }

  @Test
  void aNewLocalAddressIsWhatTheSessionsSeeFromThenOn() throws Exception {
    NatTSocket natT = started();
    IkeSocket socket = natT.open(new InetSocketAddress("0.0.0.0", 4500), GATEWAY, (d, f) -> { });
    InetSocketAddress moved = new InetSocketAddress("192.0.2.20", 4500);
    natT.setSource(moved);

    assertThat(socket.localAddress()).isEqualTo(moved);
    assertThat(natT.source()).isEqualTo(moved);
  }

  @Test
  void otherPortsUseTheDefaultFactoryAnd4500WaitsForTheDataPath() {
    NatTSocket natT = new NatTSocket(fallback, link.a(), CLIENT);

    assertThatThrownBy(() -> natT.open(new InetSocketAddress("0.0.0.0", 500),
        new InetSocketAddress("192.0.2.1", 500), (d, f) -> { }))
        .hasMessage("not in this test");
    assertThat(fallbackOpens).containsExactly(new InetSocketAddress("0.0.0.0", 500));
    assertThatThrownBy(() -> natT.open(new InetSocketAddress("0.0.0.0", 4500), GATEWAY,
        (d, f) -> { })).isInstanceOf(BindException.class);
  }
}
