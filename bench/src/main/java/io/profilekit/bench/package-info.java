/**
 * Tools bench/run.sh uses besides profile-server.jar: {@link io.profilekit.bench.CeilingServer}
 * (what Jetty alone can do with the same bytes), {@link io.profilekit.bench.SeedDocuments} (the
 * same documents, for the seed's design in Python) and {@link io.profilekit.bench.ArrivalRateClient}
 * (latency at a fixed rate, free of coordinated omission).
 */
package io.profilekit.bench;
