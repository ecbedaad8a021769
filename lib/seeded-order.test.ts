import { describe, expect, it } from "vitest";
import { seededOrder } from "./seeded-order";

const isPermutation = (order: number[], count: number) => [...order].sort((a, b) => a - b).join() === Array.from({ length: count }, (_, i) => i).join();

describe("seededOrder", () => {
  it("is a permutation of every index, also for none and one", () => {
    expect(seededOrder(0, "x")).toEqual([]);
    expect(seededOrder(1, "x")).toEqual([0]);
    for (const count of [2, 3, 4, 5, 7]) {
      for (let s = 0; s < 50; s++) expect(isPermutation(seededOrder(count, `user-${s}`), count)).toBe(true);
    }
  });

  it("gives the same order for the same seed, every time", () => {
    const first = seededOrder(4, "cm1learner\u0000strong-passwords\u0000reuse");
    for (let i = 0; i < 5; i++) expect(seededOrder(4, "cm1learner\u0000strong-passwords\u0000reuse")).toEqual(first);
  });

  it("spreads seeds that differ in one character evenly over the orders", () => {
    // Ids of people made one after another differ little; each of the 3! orders still comes about
    // equally often, and each option is first about a third of the time.
    const orders = new Map<string, number>();
    const first = [0, 0, 0];
    const runs = 6000;
    for (let i = 0; i < runs; i++) {
      const order = seededOrder(3, `cm9user${String(i).padStart(5, "0")}\u0000lesson\u0000item`);
      orders.set(order.join(), (orders.get(order.join()) ?? 0) + 1);
      first[order[0]!]! += 1;
    }
    expect(orders.size).toBe(6);
    for (const n of orders.values()) expect(Math.abs(n - runs / 6)).toBeLessThan(runs / 6 / 5);
    for (const n of first) expect(Math.abs(n - runs / 3)).toBeLessThan(runs / 3 / 10);
  });

  it("changes with any part of the seed", () => {
    const byUser = new Set(Array.from({ length: 20 }, (_, i) => seededOrder(5, `user-${i}|lesson|item`).join()));
    const byItem = new Set(Array.from({ length: 20 }, (_, i) => seededOrder(5, `user|lesson|item-${i}`).join()));
    expect(byUser.size).toBeGreaterThan(10);
    expect(byItem.size).toBeGreaterThan(10);
  });
});
