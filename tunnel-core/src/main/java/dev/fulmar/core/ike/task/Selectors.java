package dev.fulmar.core.ike.task;

import dev.fulmar.core.api.TrafficSelector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Converts traffic selectors between the API and the wire, and checks narrowing (§2.9). */
final class Selectors {
  private Selectors() {}

  static List<dev.fulmar.core.ike.message.TrafficSelector> toWire(List<TrafficSelector> in) {
    List<dev.fulmar.core.ike.message.TrafficSelector> out = new ArrayList<>();
    for (TrafficSelector t : in) {
      out.add(dev.fulmar.core.ike.message.TrafficSelector.range(t.start(), t.end())
          .withProtocolAndPorts(t.ipProtocol(), t.startPort(), t.endPort()));
    }
    return out;
  }

  static List<TrafficSelector> fromWire(List<dev.fulmar.core.ike.message.TrafficSelector> in) {
    List<TrafficSelector> out = new ArrayList<>();
    for (dev.fulmar.core.ike.message.TrafficSelector t : in) {
      out.add(new TrafficSelector(t.startAddress(), t.endAddress(), t.ipProtocol(),
          t.startPort(), t.endPort()));
    }
    return out;
  }

  /** Whether every selector of {@code narrowed} lies inside one of {@code proposed}. */
  static boolean within(List<TrafficSelector> narrowed, List<TrafficSelector> proposed) {
    for (TrafficSelector n : narrowed) {
      if (proposed.stream().noneMatch(p -> contains(p, n))) {
        return false;
      }
    }
    return true;
  }

  static boolean contains(TrafficSelector outer, TrafficSelector inner) {
    if (outer.isIpv6() != inner.isIpv6()) {
      return false;
    }
    boolean protocol = outer.ipProtocol() == 0 || outer.ipProtocol() == inner.ipProtocol();
    boolean ports = outer.startPort() <= inner.startPort() && inner.endPort() <= outer.endPort();
    return protocol && ports
        && number(outer.start()).compareTo(number(inner.start())) <= 0
        && number(inner.end()).compareTo(number(outer.end())) <= 0;
  }

  private static BigInteger number(java.net.InetAddress a) {
    return new BigInteger(1, a.getAddress());
  }
}
