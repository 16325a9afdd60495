package dev.fulmar.interop.tunnel;

import dev.fulmar.interop.lab.Netns;

/**
 * Datagrams a namespace's kernel dropped because a UDP socket's receive buffer was full ({@code
 * RcvbufErrors} of the {@code Udp:} lines in {@code /proc/net/snmp}, which is per network
 * namespace). In benchmark 2 these are the ESP packets the gateway's userspace ESP could not read
 * in time: the losses TCP then retransmits.
 */
final class UdpReceiveDrops {
  private UdpReceiveDrops() {}

  /** The counter now in {@code ns}; -1 if the kernel did not report it. */
  static long in(Netns ns) {
    var r = ns.probe("cat", "/proc/net/snmp");
    return r.ok() ? parse(r.stdout()) : -1;
  }

  /** {@code RcvbufErrors} from the text of {@code /proc/net/snmp}; -1 if it is not there. */
  static long parse(String snmp) {
    String[] names = null;
    for (String line : snmp.split("\n")) {
      if (!line.startsWith("Udp: ")) {
        continue;
      }
      String[] fields = line.substring(5).trim().split("\\s+");
      if (names == null) {
        names = fields;
        continue;
      }
      for (int i = 0; i < names.length && i < fields.length; i++) {
        if (names[i].equals("RcvbufErrors")) {
          try {
            return Long.parseLong(fields[i]);
          } catch (NumberFormatException e) {
            return -1;
          }
        }
      }
      return -1;
    }
    return -1;
  }
}
