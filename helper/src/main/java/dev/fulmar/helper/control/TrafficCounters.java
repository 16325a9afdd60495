package dev.fulmar.helper.control;

/**
 * Cumulative traffic through the tunnel since it came up; the control server turns successive
 * readings into per-second rates.
 */
public record TrafficCounters(long bytesIn, long bytesOut, long packetsIn, long packetsOut) {}
