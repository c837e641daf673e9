/**
 * The deterministic simulator backend: {@link io.tursoj.io.sim.SimIO} over a crash-surviving
 * {@link io.tursoj.io.sim.SimDisk}, with virtual time ({@link io.tursoj.io.sim.SimClock}), seeded latencies
 * ({@link io.tursoj.io.sim.LatencyProfile}) and faults ({@link io.tursoj.io.sim.FaultProfile}). One seed reproduces
 * a run bit for bit; {@link io.tursoj.io.sim.SimIO#reproduction()} prints it.
 */
package io.tursoj.io.sim;
