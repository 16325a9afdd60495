package dev.fulmar.adapters.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fulmar.core.spi.NetworkChange;
import dev.fulmar.core.spi.NetworkChange.Kind;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NetlinkParserTest {

  /**
   * An RTM_NEWADDR for 192.0.2.9/24 on ifindex 3, as the kernel (6.18, x86-64) sent it: captured
   * with python3 in a fresh namespace ({@code socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)} bound to
   * RTMGRP_IPV4_IFADDR, then {@code ip addr add 192.0.2.9/24 dev dummy0}, printing {@code
   * recv().hex()}). Header (len 80, type 20), ifaddrmsg (AF_INET, /24, IFA_F_PERMANENT, index 3),
   * then IFA_ADDRESS, IFA_LOCAL, IFA_LABEL "dummy0", IFA_FLAGS, IFA_CACHEINFO.
   */
  private static final String NEWADDR_HEX =
      "50000000140000005b81096b1e5c0000"
          + "0218800003000000"
          + "08000100c0000209"
          + "08000200c0000209"
          + "0b00030064756d6d79300000"
          + "0800080080000000"
          + "14000600ffffffffffffffff89c1030089c10300";

  private final NetlinkParser parser = new NetlinkParser(i -> Optional.of("if" + i));

  @Test
  void decodesAnAddressAddition() throws Exception {
    byte[] msg = HexFormat.of().parseHex(NEWADDR_HEX);
    List<NetworkChange> out = parse(msg);
    assertThat(out).containsExactly(new NetworkChange(Kind.ADDRESS_ADDED, 3, Optional.of("if3"),
        Optional.of(InetAddress.getByName("192.0.2.9")), 24));
  }

  @Test
  void decodesLinkUpDownAndRemoval() {
    assertThat(parse(link(16, 0x1 | 0x10000, "eth1"))).singleElement()
        .satisfies(c -> {
          assertThat(c.kind()).isEqualTo(Kind.LINK_UP);
          assertThat(c.interfaceName()).contains("eth1");
        });
    assertThat(parse(link(16, 0x1, "eth1"))).extracting(NetworkChange::kind)
        .containsExactly(Kind.LINK_DOWN);
    assertThat(parse(link(17, 0, "eth1"))).extracting(NetworkChange::kind)
        .containsExactly(Kind.LINK_REMOVED);
  }

  @Test
  void reportsMainTableUnicastRoutesOnly() throws Exception {
    List<NetworkChange> out = parse(route(24, 254, 1, new byte[] {(byte) 198, 51, 100, 0}, 24));
    assertThat(out).containsExactly(new NetworkChange(Kind.ROUTE_ADDED, 7, Optional.of("if7"),
        Optional.of(InetAddress.getByName("198.51.100.0")), 24));
    assertThat(parse(route(24, 255, 2, new byte[] {(byte) 198, 51, 100, 9}, 32))).isEmpty();
    assertThat(parse(route(25, 254, 1, null, 0))).extracting(NetworkChange::kind,
        c -> c.address().orElseThrow().getHostAddress())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.ROUTE_REMOVED, "0.0.0.0"));
  }

  @Test
  void anOverrunMeansResync() {
    ByteBuffer b = header(16, NetlinkParser.NLMSG_OVERRUN);
    assertThat(parse(b.array())).extracting(NetworkChange::kind).containsExactly(Kind.RESYNC);
  }

  @Test
  void aTruncatedMessageIsCountedNotThrown() {
    byte[] msg = HexFormat.of().parseHex(NEWADDR_HEX);
    assertThat(parse(java.util.Arrays.copyOf(msg, 40))).isEmpty();
    assertThat(parser.malformed()).isEqualTo(1);
  }

  @Property(tries = 500)
  void arbitraryBytesNeverThrow(@ForAll @Size(max = 300) byte[] junk) {
    parse(junk);
  }

  @Property(tries = 500)
  void arbitraryBodiesBehindValidHeadersNeverThrow(
      @ForAll @Size(max = 200) byte[] body, @ForAll("types") int type) {
    ByteBuffer b = header(16 + body.length, type);
    byte[] msg = java.util.Arrays.copyOf(b.array(), 16 + body.length);
    System.arraycopy(body, 0, msg, 16, body.length);
    parse(msg);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> types() {
    return net.jqwik.api.Arbitraries.of(16, 17, 20, 21, 24, 25, 3, 4, 99);
  }

  private List<NetworkChange> parse(byte[] msg) {
    List<NetworkChange> out = new ArrayList<>();
    parser.parse(msg, msg.length, out::add);
    return out;
  }

  private static ByteBuffer header(int len, int type) {
    ByteBuffer b = ByteBuffer.allocate(Math.max(len, 16)).order(ByteOrder.nativeOrder());
    b.putInt(0, len).putShort(4, (short) type);
    return b;
  }

  private static byte[] link(int type, int flags, String name) {
    byte[] n = (name + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int attr = 4 + n.length;
    int len = 16 + 16 + NetlinkParser.align(attr);
    ByteBuffer b = header(len, type);
    b.putInt(16 + 4, 5).putInt(16 + 8, flags);
    b.putShort(32, (short) attr).putShort(34, (short) 3).put(36, n);
    return b.array();
  }

  private static byte[] route(int type, int table, int rtype, byte[] dst, int dstLen) {
    int len = 16 + 12 + (dst == null ? 0 : 8) + 8;
    ByteBuffer b = header(len, type);
    b.put(16, (byte) 2).put(17, (byte) dstLen).put(20, (byte) table).put(23, (byte) rtype);
    int pos = 28;
    if (dst != null) {
      b.putShort(pos, (short) 8).putShort(pos + 2, (short) 1).put(pos + 4, dst);
      pos += 8;
    }
    b.putShort(pos, (short) 8).putShort(pos + 2, (short) 4).putInt(pos + 4, 7);
    return b.array();
  }
}
