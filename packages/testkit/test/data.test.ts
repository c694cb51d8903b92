import { describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../src/index.js";
import { NOW } from "./helpers.js";

async function snapshot(server: TestServer, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    session: server.data.session(i),
    events: server.data.events(i),
    organization: server.data.organization(i),
  }));
}

describe("seeded data", () => {
  it("the same seed and reference time give the same sessions, events and organizations", async () => {
    const a = await startTestServer({ sessions: 60, seed: 42, now: NOW });
    const b = await startTestServer({ sessions: 60, seed: 42, now: NOW });
    const c = await startTestServer({ sessions: 60, seed: 43, now: NOW });
    try {
      expect(await snapshot(a, 60)).toEqual(await snapshot(b, 60));
      const idsA = [...a.data.sessionIds()];
      const idsC = [...c.data.sessionIds()];
      expect(idsA.filter((id) => idsC.includes(id))).toEqual([]);
      expect(c.data.indexOf(idsA[0]!)).toBe(-1);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it("ids do not depend on the reference time or on the total count", async () => {
    const a = await startTestServer({ sessions: 10, seed: 5, now: NOW });
    const b = await startTestServer({ sessions: 30, seed: 5 });
    try {
      expect([...b.data.sessionIds()].slice(0, 10)).toEqual([...a.data.sessionIds()]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("looks like a real server's data", async () => {
    const server = await startTestServer({ sessions: 3000, seed: 1, now: NOW });
    try {
      const sessions = Array.from({ length: 3000 }, (_, i) => server.data.session(i));
      const ids = sessions.map((s) => s.id);
      expect(new Set(ids).size).toBe(3000);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(ids.every((id, i) => server.data.indexOf(id) === i)).toBe(true);
      const times = sessions.map((s) => s.creationTime);
      expect(times.every((t, i) => i === 0 || t < times[i - 1]!)).toBe(true);
      expect(Date.parse(times[0]!)).toBeLessThanOrEqual(Date.parse(NOW));
      expect(new Set(sessions.map((s) => s.type))).toEqual(new Set(["Vex", "Veod", "Vesp", "Vet"]));
      expect(new Set(sessions.map((s) => s.result))).toEqual(new Set(["Success", "Warning", "Failed"]));
      const working = sessions.filter((s) => s.state === "Working");
      expect(working.length).toBeGreaterThan(10);
      expect(working.length).toBeLessThan(300);
      expect(working.every((s) => s.endTime === null)).toBe(true);
      expect(sessions.filter((s) => s.state === "Stopped").every((s) => s.endTime! > s.creationTime)).toBe(true);
      expect(sessions.some((s) => s.name!.includes(",") && s.name!.includes('"'))).toBe(true);
      expect(sessions.every((s) => /^\S+ \(via: \d+\.\d+\.\d+\.\d+\)$/.test(s.clientHost!))).toBe(true);
      expect(sessions.some((s) => s.clientHost!.includes("(via: 10."))).toBe(true);
      expect(sessions.every((s) => s._links!.self!.href === `/v6/restoresessions/${s.id}`)).toBe(true);
      const eventLists = Array.from({ length: 300 }, (_, i) => server.data.events(i));
      expect(eventLists.some((list) => list.length === 0)).toBe(true);
      expect(eventLists.some((list) => list.length > 30)).toBe(true);
      for (const list of eventLists.filter((l) => l.length > 0)) expect(list[0]!.type).toBe("None");
      const items = eventLists.flat().filter((e) => e.type !== "None");
      expect(items.every((e) => e.itemName && e.itemType && e.itemSizeBytes! > 0 && e.source)).toBe(true);
      expect(items.some((e) => e.target)).toBe(true);
      expect(items.some((e) => e.startTime.endsWith("+03:00"))).toBe(true);
      expect(items.some((e) => e.startTime.endsWith("Z"))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("an empty server lists nothing", async () => {
    const server = await startTestServer({ sessions: 0 });
    try {
      expect(server.data.sessionCount()).toBe(0);
      expect([...server.data.sessionIds()]).toEqual([]);
      expect(() => server.data.session(0)).toThrow(RangeError);
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ sessions: -1 }, /sessions must be a whole number/],
    [{ sessions: 1.5 }, /sessions must be a whole number/],
    [{ port: 70000 }, /port must be 0-65535/],
    [{ host: "0.0.0.0" }, /host must be a loopback address/],
    [{ now: "tomorrow" }, /now "tomorrow" is not an ISO 8601 date-time/],
    [{ tokenTtlSeconds: 0 }, /tokenTtlSeconds must be a number above 0/],
  ])("refuses bad options %j with a one-line error", async (options, message) => {
    await expect(startTestServer(options)).rejects.toThrow(message);
  });
});
