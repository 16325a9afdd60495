package dev.fulmar.core.datapath;

import dev.fulmar.core.esp.EspSpec;
import dev.fulmar.core.esp.EspTransform;

/**
 * The largest inner packet that fits one outer packet of the path MTU once wrapped in ESP over
 * UDP: path MTU minus outer IP header, UDP header, ESP header, IV, ICV, and the padding and
 * trailer needed to reach the cipher's block size.
 */
public final class TunnelMtu {
  private TunnelMtu() {}

  /**
   * @param pathMtu the MTU towards the gateway (e.g. 1500)
   * @param outerIpv6 whether the outer packets are IPv6
   * @param transform the negotiated ESP transform
   * @return the tunnel MTU for inner packets
   */
  public static int compute(int pathMtu, boolean outerIpv6, EspTransform transform) {
    int outer = (outerIpv6 ? EspSpec.IPV6_HEADER_LENGTH : EspSpec.IPV4_HEADER_LENGTH)
        + EspSpec.UDP_HEADER_LENGTH;
    return transform.maxPayloadLength(pathMtu - outer);
  }
}
