// The channel names alone, without schemas: the sandboxed preload imports this file and must
// stay free of zod and of everything else that would grow its bundle.
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'customers:list',
  'customers:facets',
  'customers:search',
  'customers:get',
  'customers:create',
  'customers:update',
  'customers:delete',
  'contacts:create',
  'contacts:update',
  'contacts:delete',
  'orders:list',
  'orders:create',
  'orders:update',
  'orders:delete',
  'rates:list',
  'rates:set',
  'tiers:get',
  'tiers:lock',
  'interactions:list',
  'interactions:log',
  'interactions:delete',
  'feedback:list',
  'feedback:add',
  'feedback:resolve',
  'feedback:delete',
  'demo:load',
] as const
export type Channel = (typeof CHANNELS)[number]

/** Events main pushes to the renderer. */
export const EVENTS = ['data:changed', 'job:progress'] as const
export type EventName = (typeof EVENTS)[number]
