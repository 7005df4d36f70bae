import { NEW_CALL, STEPS, STEP_LABELS, splitName } from './journey';

describe('splitName', () => {
  it('takes the last word as the family name and the rest as given names', () => {
    expect(splitName('Amira Khan')).toEqual({ givenName: 'Amira', familyName: 'Khan' });
    expect(splitName('Mary Jane Watson')).toEqual({ givenName: 'Mary Jane', familyName: 'Watson' });
  });

  it('ignores extra spaces, tabs and newlines', () => {
    expect(splitName('  Amira \t  Khan \n')).toEqual({ givenName: 'Amira', familyName: 'Khan' });
  });

  it('reads one word as a given name, and nothing as nothing', () => {
    expect(splitName('Amira')).toEqual({ givenName: 'Amira', familyName: '' });
    expect(splitName('   ')).toEqual({ givenName: '', familyName: '' });
    expect(splitName('')).toEqual({ givenName: '', familyName: '' });
  });

  it('keeps hyphens and apostrophes inside a name', () => {
    expect(splitName("Siobhán O'Neill-Hughes")).toEqual({ givenName: 'Siobhán', familyName: "O'Neill-Hughes" });
  });
});

describe('the journey', () => {
  it('has at most six steps, each with a label, and a new call starts at finding the person', () => {
    expect(STEPS.length).toBeLessThanOrEqual(6);
    for (const step of STEPS) expect(STEP_LABELS[step]).toBeTruthy();
    expect(NEW_CALL).toMatchObject({ step: 'find', needs: [], urgency: 'routine', summary: '', typed: { name: '', dateOfBirth: '' } });
    expect(NEW_CALL.person).toBeUndefined();
  });
});
