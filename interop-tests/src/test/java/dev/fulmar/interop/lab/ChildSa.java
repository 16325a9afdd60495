package dev.fulmar.interop.lab;

import java.util.List;

/**
 * A CHILD_SA as charon lists it over VICI: state, mode, algorithms, SPIs, traffic selectors and
 * byte/packet counters.
 *
 * @param encap whether ESP runs in UDP (always true with the lab's userspace ESP)
 */
public record ChildSa(
    String name, String uniqueId, String reqid, String state, String mode, String protocol,
    boolean encap, String spiIn, String spiOut,
    String encrAlg, int encrKeysize, String integAlg, String dhGroup, boolean esn,
    long bytesIn, long packetsIn, long bytesOut, long packetsOut,
    List<String> localTs, List<String> remoteTs, ViciMessage raw) {

  public boolean installed() {
    return "INSTALLED".equals(state);
  }

  /** The ESP algorithms as swanctl prints them, e.g. {@code AES_GCM_16-256} or {@code
   * AES_CBC-256/HMAC_SHA2_256_128}. */
  public String proposal() {
    String p = encrAlg + (encrKeysize > 0 ? "-" + encrKeysize : "");
    if (integAlg != null) {
      p += "/" + integAlg;
    }
    if (dhGroup != null) {
      p += "/" + dhGroup;
    }
    return p;
  }

  static ChildSa parse(ViciMessage m) {
    return new ChildSa(m.get("name"), m.get("uniqueid"), m.get("reqid"), m.get("state"),
        m.get("mode"), m.get("protocol"), IkeSa.yes(m.get("encap")), m.get("spi-in"),
        m.get("spi-out"), m.get("encr-alg"), IkeSa.num(m.get("encr-keysize")),
        m.get("integ-alg"), m.get("dh-group"), IkeSa.yes(m.get("esn")),
        IkeSa.bigNum(m.get("bytes-in")), IkeSa.bigNum(m.get("packets-in")),
        IkeSa.bigNum(m.get("bytes-out")), IkeSa.bigNum(m.get("packets-out")),
        m.list("local-ts"), m.list("remote-ts"), m);
  }
}
