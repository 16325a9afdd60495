package dev.fulmar.interop.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Wires the namespaces of a {@link Lab}: veth pairs, addresses, routes, forwarding, firewall. */
final class Topology {
  private Topology() {}

  /** client c0 ── g0 gateway, the client's default route via the gateway. */
  static void wireDirect(Lab lab) {
    Netns client = lab.client();
    Netns gateway = lab.gateway();
    client.ip("link", "add", "c0", "type", "veth", "peer", "name", "g0", "netns", gateway.name());
    up(client, "c0", Lab.CLIENT_IP + "/24");
    up(gateway, "g0", Lab.GATEWAY_IP + "/24");
    client.ip("route", "add", "default", "via", Lab.GATEWAY_IP);
    if (lab.isDualStack()) {
      addIpv6(client, "c0", Lab.CLIENT_IP6 + "/64");
      addIpv6(gateway, "g0", Lab.GATEWAY_IP6 + "/64");
      client.ip("-6", "route", "add", "default", "via", Lab.GATEWAY_IP6);
    }
  }

  /** client c0 ── n0 nat n1 ── g0 gateway, masquerading on n1. */
  static void wireWithNat(Lab lab) {
    Netns client = lab.client();
    Netns nat = lab.nat();
    Netns gateway = lab.gateway();
    client.ip("link", "add", "c0", "type", "veth", "peer", "name", "n0", "netns", nat.name());
    nat.ip("link", "add", "n1", "type", "veth", "peer", "name", "g0", "netns", gateway.name());
    up(client, "c0", Lab.CLIENT_BEHIND_NAT_IP + "/24");
    up(nat, "n0", Lab.NAT_INSIDE_IP + "/24");
    up(nat, "n1", Lab.NAT_OUTSIDE_IP + "/24");
    up(gateway, "g0", Lab.GATEWAY_IP + "/24");
    client.ip("route", "add", "default", "via", Lab.NAT_INSIDE_IP);
    forwarding(nat);
    nft(lab, nat, "nat.nft", """
        table ip flab_nat {
          chain postrouting {
            type nat hook postrouting priority srcnat; policy accept;
            oifname "n1" masquerade
          }
        }
        """);
  }

  /**
   * gateway g1 ── l0 LAN host. The gateway forwards, but drops what arrives from the internet
   * side directly, so only decrypted tunnel traffic reaches the LAN.
   */
  static void wireLan(Lab lab) {
    Netns gateway = lab.gateway();
    Netns lan = lab.lanHost();
    gateway.ip("link", "add", "g1", "type", "veth", "peer", "name", "l0", "netns", lan.name());
    up(gateway, "g1", Lab.GATEWAY_LAN_IP + "/24");
    up(lan, "l0", Lab.LAN_HOST_IP + "/24");
    lan.ip("route", "add", "default", "via", Lab.GATEWAY_LAN_IP);
    forwarding(gateway);
    if (lab.isDualStack()) {
      addIpv6(gateway, "g1", Lab.GATEWAY_LAN_IP6 + "/64");
      addIpv6(lan, "l0", Lab.LAN_HOST_IP6 + "/64");
      lan.ip("-6", "route", "add", "default", "via", Lab.GATEWAY_LAN_IP6);
      gateway.exec("sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
    }
    nft(lab, gateway, "gateway.nft", """
        table inet flab_gw {
          chain forward {
            type filter hook forward priority filter; policy accept;
            iifname "g0" drop
          }
        }
        """);
  }

  private static void up(Netns ns, String dev, String cidr) {
    ns.ip("addr", "add", cidr, "dev", dev);
    ns.ip("link", "set", dev, "up");
  }

  /** An IPv6 address that is usable at once: no duplicate address detection on a lab link. */
  private static void addIpv6(Netns ns, String dev, String cidr) {
    ns.ip("-6", "addr", "add", cidr, "dev", dev, "nodad");
  }

  /**
   * Turns duplicate address detection off for every interface created later in {@code ns}, so
   * that link-local addresses are not tentative either (nothing else shares a lab link).
   */
  static void skipDuplicateAddressDetection(Netns ns) {
    ns.exec("sysctl", "-qw", "net.ipv6.conf.all.accept_dad=0",
        "net.ipv6.conf.default.accept_dad=0");
  }

  /** Waits until no IPv6 address in {@code namespaces} is tentative, and fails if one stays. */
  static void awaitIpv6Ready(List<Netns> namespaces, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Netns ns : namespaces) {
      String tentative;
      while (!(tentative = ns.exec("ip", "-6", "addr", "show", "tentative").stdout()).isBlank()) {
        if (System.nanoTime() > deadline) {
          throw new LabException("IPv6 addresses in " + ns + " still tentative after "
              + timeout.toSeconds() + " s:\n" + tentative);
        }
        CharonDaemon.sleep(20);
      }
    }
  }

  private static void forwarding(Netns ns) {
    ns.exec("sysctl", "-qw", "net.ipv4.ip_forward=1");
  }

  private static void nft(Lab lab, Netns ns, String file, String ruleset) {
    Path path = lab.dir().resolve(file);
    try {
      Files.writeString(path, ruleset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Cmd.probe(Duration.ofSeconds(30), null, ns.wrap(List.of("nft", "-f", path.toString())))
        .orThrow();
  }
}
