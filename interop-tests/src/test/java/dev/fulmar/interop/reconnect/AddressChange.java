package dev.fulmar.interop.reconnect;

import dev.fulmar.interop.lab.Lab;
import dev.fulmar.interop.lab.Netns;

/**
 * Moves the lab client to another address on its uplink, as a new DHCP lease does: the new
 * address is added, then the old one removed (the kernel promotes the new one, so the subnet
 * route and the default route stay); {@link #back()} undoes it the same way.
 */
final class AddressChange {
  static final String NEW_ADDRESS = "192.0.2.20";
  private final Netns client;

  AddressChange(Lab lab) {
    this.client = lab.client();
    client.exec("sysctl", "-qw", "net.ipv4.conf.c0.promote_secondaries=1");
  }

  /** 192.0.2.10 → 192.0.2.20. */
  void move() {
    client.ip("addr", "add", NEW_ADDRESS + "/24", "dev", "c0");
    client.ip("addr", "del", Lab.CLIENT_IP + "/24", "dev", "c0");
  }

  /** 192.0.2.20 → 192.0.2.10, with the default route as the lab made it. */
  void back() {
    if (!client.exec("ip", "-4", "addr", "show", "dev", "c0").stdout()
        .contains(Lab.CLIENT_IP + "/24")) {
      client.ip("addr", "add", Lab.CLIENT_IP + "/24", "dev", "c0");
    }
    client.probe("ip", "addr", "del", NEW_ADDRESS + "/24", "dev", "c0");
    client.probe("ip", "route", "replace", "default", "via", Lab.GATEWAY_IP);
  }
}
