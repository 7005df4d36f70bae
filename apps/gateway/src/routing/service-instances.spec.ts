import { ServiceInstances } from './service-instances';

describe('the instances of a service, in turn', () => {
  it('starts each request at the next instance, with the others after it in order', () => {
    const instances = new ServiceInstances(['http://a', 'http://b', 'http://c']);
    expect([instances.nextInOrder(), instances.nextInOrder(), instances.nextInOrder(), instances.nextInOrder()]).toEqual([
      ['http://a', 'http://b', 'http://c'],
      ['http://b', 'http://c', 'http://a'],
      ['http://c', 'http://a', 'http://b'],
      ['http://a', 'http://b', 'http://c'],
    ]);
    expect(instances.several).toBe(true);
  });

  it('with one instance, always that one', () => {
    const one = new ServiceInstances(['http://a']);
    expect([one.nextInOrder(), one.nextInOrder()]).toEqual([['http://a'], ['http://a']]);
    expect(one.several).toBe(false);
  });

  it('refuses none at all', () => {
    expect(() => new ServiceInstances([])).toThrow('at least one instance');
  });
});
