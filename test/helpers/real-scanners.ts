// Lives in scripts/lib/ (the demo and the benchmarks use it too; scripts may not import tests' modules).
export * from '../../scripts/lib/real-scanners.ts';
