package dev.fulmar.core.ike.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Traffic Selector payloads (RFC 7296 §3.13). */
class TsPayloadTest {

  /** RFC 7296 §3.13.1: TSi with one TS_IPV4_ADDR_RANGE covering everything. */
  static final String TSI_IPV4_ANY_HEX =
      "00000018 01 000000 07 00 0010 0000 ffff 00000000 ffffffff";

  /** RFC 7296 §3.13.1: TSr with 10.0.0.0-10.0.0.255 TCP port 443 and 2001:db8::/32 any protocol. */
  static final String TSR_TWO_HEX =
      "00000040 02 000000"
          + "07 06 0010 01bb 01bb 0a000000 0a0000ff"
          + "08 00 0028 0000 ffff"
          + "20010db8000000000000000000000000 20010db8ffffffffffffffffffffffff";

  @Test
  void ipv4AnySelectorRoundTrips() throws Exception {
    TsPayload ts = TsPayload.of(true, TrafficSelector.ipv4Any());
    assertThat(Codec.decodeOne(PayloadType.TSI, TSI_IPV4_ANY_HEX)).isEqualTo(ts);
    assertThat(Codec.encodeOne(ts)).isEqualTo(Hex.normalize(TSI_IPV4_ANY_HEX));
    assertThat(ts).hasToString("TSi[0.0.0.0-255.255.255.255 proto 0 ports 0-65535]");
  }

  @Test
  void mixedSelectorsRoundTrip() throws Exception {
    TsPayload ts =
        TsPayload.of(
            false,
            TrafficSelector.subnet(InetAddress.getByName("10.0.0.0"), 24)
                .withProtocolAndPorts(6, 443, 443),
            TrafficSelector.subnet(InetAddress.getByName("2001:db8::"), 32));
    TsPayload decoded = (TsPayload) Codec.decodeOne(PayloadType.TSR, TSR_TWO_HEX);

    assertThat(decoded).isEqualTo(ts);
    assertThat(decoded.selectors().get(1).tsType()).isEqualTo(TsType.IPV6_ADDR_RANGE);
    assertThat(decoded.selectors().get(0).endAddress())
        .isEqualTo(InetAddress.getByName("10.0.0.255"));
    assertThat(Codec.encodeOne(ts)).isEqualTo(Hex.normalize(TSR_TWO_HEX));
  }

  @Test
  void rejectsUnsupportedSelectorType() {
    String fc = TSI_IPV4_ANY_HEX.replace("07 00 0010", "09 00 0010");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.TSI, fc))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessage(
            "TSi payload at offset 12: traffic selector 1 has unsupported type "
                + "TS_FC_ADDR_RANGE");
  }

  @Test
  void rejectsSelectorLengthThatDoesNotMatchItsType() {
    String wrong = TSI_IPV4_ANY_HEX.replace("07 00 0010", "07 00 0028");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.TSI, wrong))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("TS_IPV4_ADDR_RANGE with Selector Length 40, must be 16");
  }

  @Test
  void rejectsSelectorCountBeyondThePayload() {
    String twoAnnounced = TSI_IPV4_ANY_HEX.replace("00000018 01", "00000018 02");
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.TSI, twoAnnounced))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("traffic selector 2 TS Type needs 1 octets but only 0 remain");
  }

  @Test
  void rejectsZeroSelectors() {
    assertThatThrownBy(() -> Codec.decodeOne(PayloadType.TSI, "00000008 00 000000"))
        .isInstanceOf(InvalidSyntaxException.class)
        .hasMessageContaining("Number of TSs 0");
  }
}
