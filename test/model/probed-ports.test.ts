import { describe, expect, it } from "vitest";
import { probedPorts } from "../../src/model/probed-ports.js";

describe("the ports a health check command probes in its own container", () => {
  it.each([
    [["curl", "-f", "http://localhost:8080/health"], [8080]],
    ["wget -q --spider http://127.0.0.1:9000/ || exit 1", [9000]],
    ["wget -qO- http://0.0.0.0:4000/api/health", [4000]],
    ["curl -f http://[::1]:3000/ && curl -f localhost:3001/ready", [3000, 3001]],
    ["nc -z localhost 5432", [5432]],
    ["redis-cli -p 6380 ping", [6380]],
    ["pg_isready -U postgres -p5433", [5433]],
    ["mysqladmin ping -h localhost -P 3307", [3307]],
  ])("%j probes %j", (command, ports) => {
    expect(probedPorts(command)).toEqual(ports);
  });

  it.each([
    // Another host, a port no system has, a version number, and MySQL's -p, its password.
    "curl -f http://web:8080/health",
    "curl localhost:99999",
    "curl localhost:8080.5",
    "mysqladmin ping -h localhost -p3306",
    "pg_isready",
  ])("%j probes no port of its own", (command) => {
    expect(probedPorts(command)).toEqual([]);
  });

  it("reads a huge command in time proportional to its length", () => {
    const started = performance.now();
    expect(probedPorts(`${"nc redis-cli mysqladmin ".repeat(40_000)}x`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
